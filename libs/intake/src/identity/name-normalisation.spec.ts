import { validateDto } from '@saeil/core';
import { identityKeysOf, searchKeysForQuery, searchKeysOf } from './identity-keys';
import { RegisterClientDto } from '../commands/register-client/register-client.dto';
import { UpdateClientProfileDto } from '../commands/update-client-profile/update-client-profile.dto';
import { nameKeyForm, normalisePersonName } from '../domain/person-name';

const secret = 'a-test-secret-of-at-least-32-characters!';
const NAMES = ['김영희', '박 서연', '이지은', 'Anna Kim', '남궁 민수'];

/** Characters that show nothing, each one a way the probe (or a keyboard, or a copy-paste) hides a difference. */
const INVISIBLES: Record<string, string> = {
  'zero-width space': '\u200B',
  'zero-width joiner': '\u200D',
  'zero-width non-joiner': '\u200C',
  'byte-order mark': '\uFEFF',
  'soft hyphen': '\u00AD',
  'word joiner': '\u2060',
  'left-to-right mark': '\u200E',
  'Hangul filler': '\u3164',
  'combining grapheme joiner': '\u034F',
  'variation selector': '\uFE0F',
  'a control character': '\u0007',
};
const SPACES: Record<string, string> = {
  'full-width (ideographic) space': '\u3000',
  'no-break space': '\u00A0',
  tab: '\t',
  'line break': '\n',
  'two spaces': '  ',
  'en space': '\u2002',
};

/** Every way to write `name` that is the same name to a reader: the variants the keys must not tell apart. */
function variantsOf(name: string): Array<[string, string]> {
  const variants: Array<[string, string]> =
    name.normalize('NFD') === name ? [] : [['NFD (decomposed jamo)', name.normalize('NFD')]];
  const chars = [...name];
  for (const [what, c] of Object.entries(INVISIBLES)) {
    variants.push([`${what} inside`, chars.slice(0, 1).join('') + c + chars.slice(1).join('')]);
    variants.push([`${what} around`, c + name + c]);
  }
  for (const [what, s] of Object.entries(SPACES)) {
    variants.push([`${what} around`, s + name + s]);
    if (name.includes(' ')) variants.push([`${what} for the space`, name.replace(' ', s)]);
  }
  variants.push(['all at once', `\uFEFF ${[...name.normalize('NFD')].join('\u200B')}\u3000\u00AD`]);
  return variants;
}

describe('a person name, normalised once for validation, sealing and keys', () => {
  describe.each(NAMES)('%s', (name) => {
    const her = { name, birthDate: '1988-03-14', phone: '010-1234-5678', centerId: 'center-naju' };
    const keys = identityKeysOf(secret, her).map((k) => k.key);
    const [nameSearchKey] = searchKeysOf(secret, her);

    it.each(variantsOf(name))(
      'written with %s is the same name, the same identity keys and found by the same search',
      (_what, variant) => {
        expect(variant).not.toBe(name);
        expect(normalisePersonName(variant)).toBe(name);
        expect(identityKeysOf(secret, { ...her, name: variant }).map((k) => k.key)).toEqual(keys);
        expect(searchKeysOf(secret, { ...her, name: variant })[0]).toBe(nameSearchKey);
        expect(searchKeysForQuery(secret, variant)).toContain(nameSearchKey);
      },
    );
  });

  it('keeps what tells two people apart: other letters, the space between family and given name, upper case in what is kept', () => {
    expect(normalisePersonName('김영희')).not.toBe(normalisePersonName('김영회'));
    expect(normalisePersonName('Anna Kim')).toBe('Anna Kim');
    expect(nameKeyForm('ANNA KIM')).toBe(nameKeyForm('anna kim'));
    expect(normalisePersonName('남궁 민수')).not.toBe(normalisePersonName('남궁민수'));
  });

  it.each([
    ...Object.entries(INVISIBLES),
    ...Object.entries(SPACES),
    ['all of them', [...Object.values(INVISIBLES), ...Object.values(SPACES)].join('')],
  ])(
    'a name of only %s is blank: refused at registration and at a profile change, and searches for nothing',
    (_what, invisible) => {
      const body = {
        name: invisible,
        birthDate: '1988-03-14',
        phone: '010-1234-5678',
        centerId: 'center-naju',
        counselorId: 'counselor-kim',
        region: '전라남도',
      };
      expect(() => validateDto(RegisterClientDto, body)).toThrow(
        expect.objectContaining({ fields: [expect.objectContaining({ field: 'name' })] }),
      );
      expect(() =>
        validateDto(UpdateClientProfileDto, { clientId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427', name: invisible }),
      ).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field: 'name' })] }));
      expect(searchKeysForQuery(secret, invisible)).toEqual([]);
    },
  );

  it('validation hands on the normalised name, so the handler seals and keys one spelling', () => {
    const body = {
      name: '\u200B김영희'.normalize('NFD') + '\u3000',
      birthDate: '1988-03-14',
      phone: '010-1234-5678',
      centerId: 'center-naju',
      counselorId: 'counselor-kim',
      region: '전라남도',
    };
    expect(validateDto(RegisterClientDto, body).name).toBe('김영희');
    expect(
      validateDto(UpdateClientProfileDto, { clientId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427', name: ' 김\u00AD영희' })
        .name,
    ).toBe('김영희');
  });
});
