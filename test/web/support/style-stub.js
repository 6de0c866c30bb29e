// Stands in for CSS imports under Jest: CSS-module class maps resolve to an empty object.
module.exports = {}
