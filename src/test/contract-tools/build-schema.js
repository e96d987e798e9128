// graphql-js, as every JavaScript GraphQL code generator does: the SDL must stand alone.
const { buildSchema, validateSchema } = require("graphql");
const fs = require("fs");
const schema = buildSchema(fs.readFileSync(process.argv[2], "utf8"));
const errors = validateSchema(schema);
if (errors.length) {
  errors.forEach((e) => console.error(e.message));
  process.exit(1);
}
const query = schema.getQueryType().getFields();
const mutation = schema.getMutationType().getFields();
console.log(JSON.stringify({ queries: Object.keys(query).length, mutations: Object.keys(mutation).length }));
