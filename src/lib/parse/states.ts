/** Lists of states as the documents print them: "Austria, Belarus, the Dominican Republic and Zimbabwe". */

/** State names that contain "and", which must not be split when reading a list of sponsors. */
export const NAMES_WITH_AND = [
  'Antigua and Barbuda', 'Bosnia and Herzegovina', 'Saint Kitts and Nevis', 'Saint Vincent and the Grenadines',
  'Sao Tome and Principe', 'Trinidad and Tobago', 'United Kingdom of Great Britain and Northern Ireland',
  'Heard Island and McDonald Islands', 'Saint Pierre and Miquelon', 'Wallis and Futuna', 'Turks and Caicos Islands',
];

/** "Austria, Belarus, the Dominican Republic and Zimbabwe" → ["Austria", "Belarus", "Dominican Republic", "Zimbabwe"]. */
export function splitStateList(text: string): string[] {
  let t = text.replace(/\s+/g, ' ').trim();
  NAMES_WITH_AND.forEach((name, i) => { t = t.split(name).join(`\u0000${i}\u0000`); });
  const parts = t.split(/,\s*|\s+and\s+/).map((p) => p.trim()).filter(Boolean);
  return parts
    .map((p) => p.replace(/\u0000(\d+)\u0000/g, (_, i: string) => NAMES_WITH_AND[Number(i)]!))
    .map((p) => p.replace(/^the\s+/, ''))
    .map((p) => /\b(Group of (?:[A-Z][a-z]+ )+States)\b/.exec(p)?.[1] ?? p)
    .filter((p) => !/^(?:as well as|on behalf of)\b/.test(p));
}

