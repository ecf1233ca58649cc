/**
 * Sort orders of the named entities' lists.
 */
import { registerEnumType } from 'type-graphql';

export enum NameSort {
  NAME = 'NAME',
  KEY = 'KEY',
}
registerEnumType(NameSort, {
  name: 'NameSort',
  description: 'NAME: by name (case-insensitive), then graph id. KEY: by graph id.',
});
