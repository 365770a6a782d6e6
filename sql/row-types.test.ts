// One naming rule for the types of sql/queries (README, "Where each part lives"): a `…Row` is a row exactly as the
// SQL returns it, snake_case like the tables; a camelCase shape is made in TypeScript and named without `Row`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const DIR = fileURLToPath(new URL('queries/', import.meta.url));
const files = readdirSync(DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

interface Shape {
  where: string;
  name: string;
  properties: string[];
}

const propertiesOf = (members: ts.NodeArray<ts.TypeElement>) =>
  members.flatMap((m) => (ts.isPropertySignature(m) && ts.isIdentifier(m.name) ? [m.name.text] : []));

function read(file: string) {
  const text = readFileSync(join(DIR, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const shapes: Shape[] = [];
  const queryTypes: { where: string; type: ts.TypeNode }[] = [];
  const where = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isInterfaceDeclaration(node))
      shapes.push({ where: where(node), name: node.name.text, properties: propertiesOf(node.members) });
    if (ts.isTypeAliasDeclaration(node) && ts.isTypeLiteralNode(node.type))
      shapes.push({ where: where(node), name: node.name.text, properties: propertiesOf(node.type.members) });
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'query' &&
      node.typeArguments?.length
    )
      queryTypes.push({ where: where(node), type: node.typeArguments[0] });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { text, shapes, queryTypes };
}

const parsed = files.map((file) => ({ file, ...read(file) }));
const shapes = parsed.flatMap((p) => p.shapes);
const isRow = (name: string) => name.endsWith('Row');
const camel = (property: string) => /[A-Z]/.test(property);
const snake = (property: string) => property.includes('_');

describe('row types of sql/queries', () => {
  it('reads the query files', () => {
    expect(shapes.filter((s) => isRow(s.name)).length).toBeGreaterThan(40);
    expect(parsed.flatMap((p) => p.queryTypes).length).toBeGreaterThan(100);
  });

  it('a type named …Row has only the snake_case names of the columns', () => {
    const offenders = shapes
      .filter((s) => isRow(s.name))
      .flatMap((s) => s.properties.filter(camel).map((p) => `${s.where} ${s.name}.${p}`));
    expect(offenders).toEqual([]);
  });

  it('a type with snake_case columns is named …Row', () => {
    const offenders = shapes
      .filter((s) => !isRow(s.name) && s.properties.some(snake))
      .map((s) => `${s.where} ${s.name}`);
    expect(offenders).toEqual([]);
  });

  it('what db.query<T> returns is a row: a …Row, or an inline type with the columns as SQL names them', () => {
    /** What is not a row in T: a named type without Row, a camelCase column of an inline type. */
    const notRow = (type: ts.TypeNode): string[] => {
      if (ts.isIntersectionTypeNode(type)) return type.types.flatMap(notRow);
      if (ts.isTypeReferenceNode(type)) {
        const name = type.typeName.getText();
        return isRow(name) || name === 'Record' ? [] : [name];
      }
      if (ts.isTypeLiteralNode(type)) return propertiesOf(type.members).filter(camel);
      return [type.getText()];
    };
    const offenders = parsed
      .flatMap((p) => p.queryTypes)
      .flatMap(({ where, type }) => notRow(type).map((what) => `${where} query<${type.getText()}>: ${what}`));
    expect(offenders).toEqual([]);
  });

  it('SQL never renames a column to camelCase (the reshaping is TypeScript, next to the query)', () => {
    const offenders = parsed.flatMap(({ file, text }) =>
      [...text.matchAll(/\b[Aa][Ss]\s+"([a-z]+[A-Z]\w*)"/g)].map((m) => `${file}: AS "${m[1]}"`),
    );
    expect(offenders).toEqual([]);
  });
});
