import { IsIn, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { KOREAN_REGIONS } from '@saeil/contracts';
import { JsonConfigFile } from '@saeil/core';

export const CENTER_LEVELS = ['basic', 'regional'] as const;
export type CenterLevel = (typeof CENTER_LEVELS)[number];

/**
 * The region of a center the directory does not know (an id recorded before the directory
 * listed it, or a typo in an old record). Its figures are not dropped: they roll up under this
 * region, so the nation stays the sum of its regions, and the gap is visible in every rollup.
 */
export const UNASSIGNED_REGION = '미지정';

export interface Center {
  centerId: string;
  name: string;
  level: CenterLevel;
  /** 시·도, one of KOREAN_REGIONS. */
  region: string;
  /** Its 시·군·구 when it serves one (나주시, 영암군, 강남구): names its budget's 시·군·구비 (시비, 군비, 구비). */
  municipality?: string;
}

class CenterEntry {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @IsIn(CENTER_LEVELS)
  level: CenterLevel;

  @IsIn(KOREAN_REGIONS)
  region: string;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  @Matches(/^\S+(시|군|구)$/, { message: 'a 시·군·구 name ending in 시, 군 or 구' })
  municipality?: string;
}

class CentersFile {
  @IsOptional()
  @IsString()
  description?: string;

  @IsObject()
  centers: Record<string, unknown>;
}

const CENTER_ID = /^[\w-]{1,64}$/;

/**
 * The centers statistics roll up by (config/centers.json, SAEIL_CENTERS_FILE): center id → name,
 * level (basic 기초 / regional 광역) and 시·도. Loaded once when the module starts; a bad file
 * stops the start with the file and field named. A regional center's own figures (its meetings,
 * its agreements) count in its region like a basic center's: the region is the sum of every
 * center in it. Regions are resolved when queried, so moving a center needs no rebuild.
 */
export class CentersDirectory {
  private readonly byId: Map<string, Center>;

  constructor(centers: readonly Center[]) {
    this.byId = new Map(centers.map((c) => [c.centerId, c]));
  }

  get(centerId: string): Center | undefined {
    return this.byId.get(centerId);
  }

  isListed(centerId: string): boolean {
    return this.byId.has(centerId);
  }

  regionOf(centerId: string): string {
    return this.byId.get(centerId)?.region ?? UNASSIGNED_REGION;
  }

  /** Every listed center, by id. */
  all(): Center[] {
    return [...this.byId.values()].sort((a, b) => (a.centerId < b.centerId ? -1 : a.centerId > b.centerId ? 1 : 0));
  }

  /** The centers listed in this 시·도 (a regional supervisor's reach). */
  centersIn(region: string): string[] {
    return this.all()
      .filter((c) => c.region === region)
      .map((c) => c.centerId);
  }

  isRegion(region: string): boolean {
    return region === UNASSIGNED_REGION || (KOREAN_REGIONS as readonly string[]).includes(region);
  }

  static load(file: string): CentersDirectory {
    const config = new JsonConfigFile(file, 'centers directory');
    const parsed = config.check(CentersFile, config.content);
    const centers: Center[] = [];
    for (const [centerId, entry] of Object.entries(parsed.centers)) {
      if (!CENTER_ID.test(centerId))
        config.fail(`centers.${centerId}`, 'not a center id (letters, digits, - and _, at most 64)');
      const checked = config.check(CenterEntry, entry, `centers.${centerId}.`);
      centers.push({
        centerId,
        name: checked.name,
        level: checked.level,
        region: checked.region,
        ...(checked.municipality ? { municipality: checked.municipality } : {}),
      });
    }
    if (centers.length === 0) config.fail('centers', 'lists no center');
    return new CentersDirectory(centers);
  }
}
