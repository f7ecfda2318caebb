// The first script to run with nova.
function greet(name) {
  return `Hello, ${name}!`;
}

const names = ["world", "nova"];
for (const name of names) {
  print(greet(name));
}

class Counter {
  #count = 0;
  increment() {
    return ++this.#count;
  }
}
const counter = new Counter();
counter.increment();
console.log("counted to", counter.increment());
