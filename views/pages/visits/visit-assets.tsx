export const VisitStyles = () => <link rel="stylesheet" href="/static/visits.css" />
