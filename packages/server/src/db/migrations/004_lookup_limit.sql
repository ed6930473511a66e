-- Wrong phone numbers for a booking code: after 5 in a row the code is locked for 15 minutes, so
-- nobody who learned a code (it is printed as a QR code) can try phone numbers until one fits.
alter table bookings add column lookup_failures integer not null default 0;
alter table bookings add column lookup_locked_until timestamptz;
