// Checks extends, super() argument passing, super.method(), overriding, and instanceof chains.
class Animal {
  constructor(public name: string) {}
  speak(): string {
    return `${this.name} makes a sound`;
  }
  kind(): string {
    return "animal";
  }
}
class Dog extends Animal {
  constructor(name: string, public breed: string) {
    super(name);
  }
  speak(): string {
    return super.speak() + " (woof)";
  }
}
class Puppy extends Dog {
  speak(): string {
    return super.speak().toUpperCase();
  }
  kind(): string {
    return "young " + super.kind();
  }
}
const animals: Animal[] = [new Animal("generic"), new Dog("rex", "lab"), new Puppy("bit", "pug")];
for (const a of animals) {
  console.log(a.speak(), "|", a.kind(), a instanceof Animal, a instanceof Dog, a instanceof Puppy);
}
const p = animals[2];
console.log(p.constructor.name, Object.getPrototypeOf(p) === Puppy.prototype);
console.log(p instanceof Object, Object.getPrototypeOf(Puppy) === Dog);
if (p instanceof Dog) console.log(p.breed);
