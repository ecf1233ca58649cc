export const analyticsResolvers: Function[] = [];
