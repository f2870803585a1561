import { main } from '/work/wt/tax/src/cli/main';
main(process.argv.slice(2)).then((c) => { if (typeof c === 'number') process.exitCode = c; });
