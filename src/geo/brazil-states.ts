import { placeIndex, type Place } from './places.js';

/** The 26 states and the Federal District (IBGE's unidades da federação): two-letter code and name. */
const STATES: readonly (readonly [string, string])[] = [
  ['AC', 'Acre'],
  ['AL', 'Alagoas'],
  ['AP', 'Amapá'],
  ['AM', 'Amazonas'],
  ['BA', 'Bahia'],
  ['CE', 'Ceará'],
  ['DF', 'Distrito Federal'],
  ['ES', 'Espírito Santo'],
  ['GO', 'Goiás'],
  ['MA', 'Maranhão'],
  ['MT', 'Mato Grosso'],
  ['MS', 'Mato Grosso do Sul'],
  ['MG', 'Minas Gerais'],
  ['PA', 'Pará'],
  ['PB', 'Paraíba'],
  ['PR', 'Paraná'],
  ['PE', 'Pernambuco'],
  ['PI', 'Piauí'],
  ['RJ', 'Rio de Janeiro'],
  ['RN', 'Rio Grande do Norte'],
  ['RS', 'Rio Grande do Sul'],
  ['RO', 'Rondônia'],
  ['RR', 'Roraima'],
  ['SC', 'Santa Catarina'],
  ['SP', 'São Paulo'],
  ['SE', 'Sergipe'],
  ['TO', 'Tocantins'],
];

/** Brazilian states by code ("SP"), ISO 3166-2 code ("BR-SP") and name, with or without accents ("Sao Paulo"). */
export const BRAZIL_STATES: readonly Place[] = STATES.map(([id, name]) => ({ id, name, aliases: [`BR-${id}`] }));
export const BRAZIL_STATE_INDEX = placeIndex(BRAZIL_STATES);
