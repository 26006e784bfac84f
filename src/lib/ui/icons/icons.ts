// Every icon of the product, as static SVG path data (24×24 viewBox, stroked). One icon per entity kind and
// decision, used the same way in lists, the graph and the stage. No user text ever reaches these strings.
export const icons = {
  root: 'M12 2l2.6 5.6 6.1.7-4.5 4.2 1.2 6-5.4-3-5.4 3 1.2-6L3.3 8.3l6.1-.7z',
  user: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4 3.6-6.5 8-6.5s8 2.5 8 6.5',
  group: 'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM2 20c0-3.4 3.1-5.5 7-5.5s7 2.1 7 5.5M16 4.3a3.5 3.5 0 0 1 0 6.4M18 14.8c2.4.6 4 2.4 4 5.2',
  role: 'M12 3l8 3v6c0 4.5-3.4 8.2-8 9-4.6-.8-8-4.5-8-9V6zM9 12l2 2 4-4',
  policy: 'M6 2h9l5 5v15H6zM14 2v6h6M9 13h8M9 17h8',
  idp: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zM2 12h20M12 2c3 3.2 3 16.8 0 20M12 2c-3 3.2-3 16.8 0 20',
  resource: 'M4 7c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3zM4 7v10c0 1.7 3.6 3 8 3s8-1.3 8-3V7M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
  account: 'M3 5h18v14H3zM3 9h18M7 14h4',
  key: 'M14 10a4 4 0 1 0-3.5 4L8 16.5V19h2.5v-2h2v-2l1-1A4 4 0 0 0 14 10zM15.5 8.5h.01',
  allowed: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zM7 12.5l3.2 3.2L17 9',
  explicitDeny: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zM5 5l14 14',
  implicitDeny: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z',
  unauthenticated: 'M14 10a4 4 0 1 0-3.5 4L8 16.5V19h2.5v-2h2v-2l1-1A4 4 0 0 0 14 10zM3 3l18 18',
  play: 'M7 4l13 8-13 8z',
  pause: 'M7 4h4v16H7zM14 4h4v16h-4z',
  stepForward: 'M5 4l10 8-10 8zM18 4v16',
  stepBack: 'M19 4L9 12l10 8zM6 4v16',
  skip: 'M3 4l8 8-8 8zM12 4l8 8-8 8zM21 4v16',
  restart: 'M4 12a8 8 0 1 0 2.3-5.7M4 4v5h5',
  clock: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 7v5l3 3',
  theme: 'M21 13A9 9 0 1 1 11 3a7 7 0 0 0 10 10z',
  info: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zM12 11v6M12 7h.01',
  plus: 'M12 5v14M5 12h14',
  trash: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13',
  terminal: 'M3 4h18v16H3zM7 9l3 3-3 3M12 15h5',
  graph: 'M6 6a2 2 0 1 0 0 .01M18 6a2 2 0 1 0 0 .01M12 18a2 2 0 1 0 0 .01M7.5 7.5l3.5 9M16.5 7.5l-3.5 9M8 6h8',
  map: 'M3 6l6-3 6 3 6-3v15l-6 3-6-3-6 3zM9 3v15M15 6v15',
} as const;

export type IconName = keyof typeof icons;
