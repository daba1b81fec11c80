// Validation decorators that give one clear message naming the field, whatever was wrong.
import { Transform } from 'class-transformer';
import { ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';

/**
 * Absent is fine; null is not (it would reach a NOT NULL column, or the field has no "unset"
 * meaning), unlike @IsOptional(), which lets null through.
 */
export const IsPresent = (): PropertyDecorator => ValidateIf((_, value) => value !== undefined);

/** Absent or null is fine (null clears the field). */
export const IsNullable = (): PropertyDecorator => ValidateIf((_, value) => value !== undefined && value !== null);

/** Strings lose their surrounding spaces before validation; anything else is left for it to refuse. */
export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** An integer from min to max (after ToInteger has converted strict integer strings). */
export function IsIntegerInRange(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIntegerInRange',
      constraints: [min, max],
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max,
        defaultMessage: (args) => `${args?.property ?? 'value'} must be an integer from ${min} to ${max}`,
      },
    },
    options,
  );
}

export const MAX_ID = 2_147_483_647;

/** A database id: a positive 32-bit integer. */
export function IsId(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isId',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_ID,
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a positive integer`,
      },
    },
    options,
  );
}

/** An absolute http(s) URL with no user or password in it (keys travel in headers, not URLs). */
export function IsHttpUrlWithoutCredentials(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isHttpUrlWithoutCredentials',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || value.length > 500) return false;
          try {
            const url = new URL(value);
            return (
              (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === ''
            );
          } catch {
            return false;
          }
        },
        defaultMessage: (args) => `${args?.property ?? 'value'} must be an http(s) URL without credentials`,
      },
    },
    options,
  );
}
