console.log(JSON.stringify([require("path").basename(process.argv[1])].concat(process.argv.slice(2))));
