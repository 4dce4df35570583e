import { SourceError } from '../errors.js';
import type { Platform } from '../model.js';
import { adapters } from '../platforms/registry.js';
import type { ExportFile, ExportResult } from '../platforms/types.js';

/**
 * Recognizes a platform's data-export file by its content and parses it. Returns null when the
 * file is no platform's export; throws SourceError when it belongs to another platform.
 */
export async function readExport(file: ExportFile, platform: Platform): Promise<ExportResult | null> {
  for (const adapter of Object.values(adapters)) {
    for (const format of adapter.exports ?? []) {
      if (!format.detect(file)) continue;
      if (adapter.platform !== platform) {
        throw new SourceError(
          `${file.path} is ${format.name}, a ${adapter.label} file, but this account is on ${adapters[platform].label}`,
        );
      }
      return format.parse(file);
    }
  }
  return null;
}
