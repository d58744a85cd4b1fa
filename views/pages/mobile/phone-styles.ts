/** Stylesheets of the residents' raise-and-track pages, after /static/mobile.css. */
export const PHONE_STYLES = ['/static/phone-raise.css']
