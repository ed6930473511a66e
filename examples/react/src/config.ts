/** The mpp-kit API: `VITE_MPP_API` at build time, else the server of `npm start` on this machine. */
export const API_BASE: string = import.meta.env.VITE_MPP_API || 'http://127.0.0.1:8787/api/v1/';
