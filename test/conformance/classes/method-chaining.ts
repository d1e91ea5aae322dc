// Checks fluent builders returning this, including subclass chaining with polymorphic this.
class QueryBuilder {
  protected parts: string[] = [];
  select(...cols: string[]): this {
    this.parts.push("SELECT " + cols.join(", "));
    return this;
  }
  from(t: string): this {
    this.parts.push("FROM " + t);
    return this;
  }
  where(cond: string): this {
    this.parts.push("WHERE " + cond);
    return this;
  }
  build(): string {
    return this.parts.join(" ");
  }
}
class LimitedQuery extends QueryBuilder {
  limit(n: number): this {
    this.parts.push("LIMIT " + n);
    return this;
  }
}
console.log(new QueryBuilder().select("a", "b").from("t").where("a > 1").build());
console.log(new LimitedQuery().select("*").from("logs").limit(10).where("x").build());
const q = new LimitedQuery();
const same = q.select("id").limit(1);
console.log(same === q, q.build());
