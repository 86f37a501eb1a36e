/**
 * Names that stand for a state without being its name: capitals and seats of
 * government used as metonyms ("Pyongyang test-fired", "Beijing has
 * pledged"), and demonyms ("North Korean troops", "Russian-led").
 *
 * This is data, read by the ingest pipeline after the graph's own names and
 * aliases: a known entity whose alias already covers a word wins. The values
 * are state names as the graph spells them; a name the graph does not hold
 * simply resolves to nothing.
 */

/** Capital or seat of government → the state it stands for. */
export const CAPITAL_METONYMS: Readonly<Record<string, string>> = {
  Washington: 'United States',
  Moscow: 'Russia',
  'the Kremlin': 'Russia',
  Kremlin: 'Russia',
  Kyiv: 'Ukraine',
  Kiev: 'Ukraine',
  Beijing: 'China',
  Pyongyang: 'North Korea',
  Seoul: 'South Korea',
  Tokyo: 'Japan',
  London: 'United Kingdom',
  Paris: 'France',
  Berlin: 'Germany',
  Tehran: 'Iran',
  Ankara: 'Turkey',
  Warsaw: 'Poland',
  Minsk: 'Belarus',
  'New Delhi': 'India',
  Brussels: 'European Union',
  Taipei: 'Taiwan',
  Jerusalem: 'Israel',
  Cairo: 'Egypt',
  Riyadh: 'Saudi Arabia',
  Tbilisi: 'Georgia',
  Chisinau: 'Moldova',
  Ottawa: 'Canada',
  Canberra: 'Australia',
};

/**
 * Demonym (adjective or plural noun) → the state it refers to. A state's
 * first entry is its adjective, which names what the report describes
 * without a proper name ("North Korean troops").
 */
export const DEMONYMS: Readonly<Record<string, string>> = {
  American: 'United States',
  Americans: 'United States',
  Russian: 'Russia',
  Russians: 'Russia',
  Ukrainian: 'Ukraine',
  Ukrainians: 'Ukraine',
  'North Korean': 'North Korea',
  'North Koreans': 'North Korea',
  'South Korean': 'South Korea',
  'South Koreans': 'South Korea',
  Chinese: 'China',
  Japanese: 'Japan',
  British: 'United Kingdom',
  French: 'France',
  German: 'Germany',
  Germans: 'Germany',
  Iranian: 'Iran',
  Iranians: 'Iran',
  Polish: 'Poland',
  Belarusian: 'Belarus',
  Turkish: 'Turkey',
  Indian: 'India',
  Israeli: 'Israel',
  Taiwanese: 'Taiwan',
  Georgian: 'Georgia',
  Moldovan: 'Moldova',
  Canadian: 'Canada',
};

/**
 * States by name, with the other names reports give them. A state the graph
 * does not hold is proposed under this name when the report names it, or
 * names its capital or demonym ("Pyongyang", "North Korean troops"), so that
 * a report ingested into an empty graph still knows that "the U.S." and
 * "Washington" are one state, and that a state can make statements.
 */
export const STATE_NAMES: Readonly<Record<string, readonly string[]>> = {
  'United States': ['U.S.', 'US', 'USA', 'U.S.A.', 'America', 'United States of America'],
  Russia: ['Russian Federation'],
  Ukraine: [],
  'North Korea': ['DPRK', 'Democratic People’s Republic of Korea'],
  'South Korea': ['Republic of Korea'],
  China: ['People’s Republic of China', 'PRC'],
  Japan: [],
  'United Kingdom': ['UK', 'U.K.', 'Britain', 'Great Britain'],
  France: [],
  Germany: [],
  Iran: [],
  Turkey: ['Türkiye'],
  Poland: [],
  Belarus: [],
  India: [],
  Taiwan: [],
  Israel: [],
  Egypt: [],
  'Saudi Arabia': [],
  Georgia: [],
  Moldova: [],
  Canada: [],
  Australia: [],
};

/**
 * Government bodies reports name without an organisation word ("the
 * Pentagon", "the White House"): proposed as organisations when the graph
 * does not hold them.
 */
export const GOVERNMENT_BODIES: readonly string[] = [
  'White House',
  'Pentagon',
  'State Department',
  'Downing Street',
  'Élysée',
  'Quai d’Orsay',
  'Bundestag',
  'Duma',
  'Knesset',
];

/**
 * Nouns that, after a state's demonym, name or possessive ("North Korean
 * troops", "Pyongyang’s forces"), name that state's armed contingent: the
 * ingest proposes it as a military unit when the graph holds none.
 */
export const ARMED_CONTINGENT_NOUNS: readonly string[] = [
  'troops',
  'forces',
  'soldiers',
  'servicemen',
  'marines',
];

/**
 * Head nouns of an event named by a compound of names ("Russia-Ukraine war",
 * "US-China talks"): proposed as an event when the graph holds none.
 */
export const COMPOUND_EVENT_NOUNS: readonly string[] = [
  'war',
  'conflict',
  'talks',
  'summit',
  'treaty',
  'accord',
  'deal',
  'dispute',
  'crisis',
  'ceasefire',
  'truce',
];

/**
 * Nouns for a government named after its leader ("the Biden
 * administration", "the Johnson government"): a lone unknown name before
 * one is a person.
 */
export const LEADER_GOVERNMENT_NOUNS: readonly string[] = [
  'administration',
  'government',
  'cabinet',
];
