/**
 * The booking screens' own stylesheet (kiosk flow and the clerks' reception pages). Linked from the
 * page body because the shared document head is not theirs to change; that is valid HTML.
 */
export const BookingStyles = () => <link rel="stylesheet" href="/static/booking.css" />
