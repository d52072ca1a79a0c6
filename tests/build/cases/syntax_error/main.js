// Not JavaScript at all: a build error with the file, line and column.
const x = {;
