// The minimum length of a new password comes from Settings (security.minPasswordLength), which any
// logged-in role may read; forms show it and check it before main checks it again.
import { DEFAULT_MIN_PASSWORD_LENGTH } from '../../../shared/schemas/users';
import { useChannelQuery } from '../queries';

export function useMinPasswordLength(): number {
  const settings = useChannelQuery('settings:get', {});
  return settings.value?.security.minPasswordLength ?? DEFAULT_MIN_PASSWORD_LENGTH;
}

export function passwordHint(minLength: number): string {
  return `At least ${minLength} characters.`;
}
