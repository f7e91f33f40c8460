import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import type { ReportFile } from '../exports/report-export';

/** Content type and an attachment filename (Express encodes it for every browser), then the bytes. */
export function sendReportFile(res: Response, file: ReportFile, asOfPosition: number): StreamableFile {
  res.attachment(file.filename);
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('X-Report-As-Of-Position', String(asOfPosition));
  return new StreamableFile(file.body);
}
