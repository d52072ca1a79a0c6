// Throws for a port out of range.
exports.check = (port) => {
  if (port < 0) {
    throw new RangeError(`bad port ${port}`);
  }
  return port;
};
