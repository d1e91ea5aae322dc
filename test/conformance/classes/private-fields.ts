// Checks ECMAScript private fields and methods (#x): encapsulation, #x in obj, per-class privacy.
class Account {
  #balance: number;
  #history: number[] = [];
  static #created = 0;
  constructor(initial: number) {
    this.#balance = initial;
    Account.#created++;
  }
  #record(delta: number): void {
    this.#history.push(delta);
  }
  deposit(n: number): this {
    this.#balance += n;
    this.#record(n);
    return this;
  }
  get balance(): number {
    return this.#balance;
  }
  static isAccount(o: object): boolean {
    return #balance in o;
  }
  static created(): number {
    return Account.#created;
  }
  historyText(): string {
    return this.#history.join(",");
  }
}
const a = new Account(10).deposit(5).deposit(7);
console.log(a.balance, a.historyText(), Object.keys(a).length, JSON.stringify(a));
console.log(Account.isAccount(a), Account.isAccount({}), Account.created());
class Shadow {
  #balance = "shadow";
  read(): string {
    return this.#balance;
  }
}
console.log(new Shadow().read(), Account.isAccount(new Shadow()));
