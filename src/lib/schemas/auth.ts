import { z } from 'zod';
import { email, password } from './fields';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export const passwordSignInSchema = z.object({
	email: email(),
	// any length is checked against the hash; the bound only stops huge bodies
	password: password(1, MAX_PASSWORD_LENGTH)
});

export const emailOnlySchema = z.object({ email: email() });

export const newPasswordSchema = z
	.object({
		password: password(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH),
		confirm: z.string({ error: 'error.required' }).min(1, 'error.required')
	})
	.refine((v) => v.password === v.confirm, { message: 'reset.mismatch', path: ['confirm'] });
