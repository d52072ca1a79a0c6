module.exports = { id: 'lib-index', file: __filename };
