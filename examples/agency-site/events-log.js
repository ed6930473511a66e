// Shows webmasters what the widgets tell the page: every mpp-* event with its detail (never personal data).
const EVENTS = [
  'mpp-catalog-loaded',
  'mpp-service-selected',
  'mpp-booking-requested',
  'mpp-slots-loaded',
  'mpp-booking-created',
  'mpp-booking-cancelled',
  'mpp-booking-rescheduled',
  'mpp-error',
];
const log = document.getElementById('events');
for (const type of EVENTS) {
  document.addEventListener(type, (e) => {
    log.textContent = `${type} ${JSON.stringify(e.detail)}\n` + log.textContent;
  });
}
