// The two cartridges of the brain, seeded into a fresh install.

export interface SeedCartridge {
  name: string;
  description: string;
}

export const SEED_CARTRIDGES: readonly SeedCartridge[] = [
  { name: 'Bio-Cartridge', description: 'Biology and medical literature pipeline' },
  { name: 'Investment-Cartridge', description: 'Market and investment analysis pipeline' },
];
