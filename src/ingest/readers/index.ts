import type { ImportFormat } from '../index';
import { ComtradeReader } from './comtrade';
import { CuratedReader } from './curated';
import { HsReader } from './hs';
import type { Reader } from './reader';

/** A fresh reader per import: Comtrade and HS readers remember what they saw for file-level items. */
export function makeReader(format: ImportFormat): Reader {
  switch (format) {
    case 'curated':
      return new CuratedReader();
    case 'comtrade':
      return new ComtradeReader();
    case 'hs':
      return new HsReader();
  }
}
