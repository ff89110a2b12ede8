/** Who is doing a write: a signed-in user, or the system (imports, the demo seed). */
export interface Actor {
	userId: string | null;
	label: string;
}

export const systemActor: Actor = { userId: null, label: 'system' };

export function userActor(user: { id: string; email: string }): Actor {
	return { userId: user.id, label: user.email };
}
