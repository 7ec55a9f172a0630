// A form whose fields and messages are a schema's (usually a channel's, from src/shared): what the
// clerk types is the schema's input, what the form gives on submit is its output.
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type DefaultValues, type FieldValues } from 'react-hook-form';
import type { z } from 'zod';

export function useSchemaForm<Input extends FieldValues, Output>(
  schema: z.ZodType<Output, Input>,
  defaultValues: DefaultValues<Input>,
) {
  return useForm<Input, unknown, Output>({ resolver: zodResolver<Input, unknown, Output>(schema), defaultValues });
}
