// Microsoft's prettier settings for Office add-ins (printWidth 100, trailing commas as ES5).
module.exports = require("office-addin-prettier-config");
