// Reads one channel for a screen: its value, the refusal if any, and a way to read it again.
import { useCallback, useEffect, useState } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/contract';
import { call, messageOf } from '../api';
import { useWorkspace } from '../session';

interface Loaded<K extends ChannelName> {
  key: string;
  value: ChannelOutput<K> | null;
  error: string | null;
}

export interface ChannelRead<K extends ChannelName> {
  value: ChannelOutput<K> | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

export function useChannel<K extends ChannelName>(channel: K, input: ChannelInput<K>): ChannelRead<K> {
  const [version, setVersion] = useState(0);
  // Nothing is read while the session is locked; the read is made again on unlock, so a refusal
  // met while locking does not stay on screen.
  const locked = useWorkspace((s) => s.session?.locked ?? false);
  // The input is compared by content, so a screen may build it fresh on every render.
  const inputJson = JSON.stringify(input);
  const key = `${channel} ${inputJson} ${version} ${locked}`;
  const [loaded, setLoaded] = useState<Loaded<K> | null>(null);

  useEffect(() => {
    if (locked) return;
    let current = true;
    call(channel, JSON.parse(inputJson) as ChannelInput<K>).then(
      (value) => current && setLoaded({ key, value, error: null }),
      (error: unknown) => current && setLoaded({ key, value: null, error: messageOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [channel, inputJson, key, locked]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const fresh = loaded?.key === key;
  return {
    // While a new read is on its way the previous value stays on screen (no flicker on paging).
    value: loaded?.value ?? null,
    error: fresh ? loaded.error : null,
    loading: !fresh,
    reload,
  };
}
