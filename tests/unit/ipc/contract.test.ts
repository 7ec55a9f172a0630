// The contract is declared per capability and merged: a channel declared by two capabilities would
// silently replace one with the other, so every name must be declared once; and the composition
// must serve every channel with the handler of the capability that declares it.
import { describe, expect, it } from 'vitest';
import { CAPABILITY_CHANNELS, CHANNEL_NAMES } from '../../../src/shared/contract';
import { CAPABILITIES, HANDLERS } from '../../../src/main/capabilities';

describe('the contract, by capability', () => {
  it('declares every channel once', () => {
    const declared = Object.values(CAPABILITY_CHANNELS).flatMap((channels) => Object.keys(channels));
    expect(new Set(declared).size).toBe(declared.length);
    expect(declared.sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('each capability serves exactly its own channels, and together every channel', () => {
    for (const capability of CAPABILITIES) {
      expect(Object.keys(capability.handlers).sort(), capability.name).toEqual(
        Object.keys(CAPABILITY_CHANNELS[capability.name]).sort(),
      );
    }
    expect(Object.keys(HANDLERS).sort()).toEqual([...CHANNEL_NAMES].sort());
  });
});
