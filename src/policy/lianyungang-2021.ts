/** Moved to src/awards/lianyungang-mayor/2021.ts (awards as data); kept so old imports work. */
export { lianyungang2021, defaultPolicy } from '../awards/lianyungang-mayor/2021.ts';
