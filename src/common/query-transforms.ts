// Query strings arrive as text: convert only strict integers, so that "abc" or "1.5" still fail
// validation with a message that names the parameter instead of turning into NaN or 1.
import { Transform } from 'class-transformer';

export function ToInteger(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value,
  );
}
