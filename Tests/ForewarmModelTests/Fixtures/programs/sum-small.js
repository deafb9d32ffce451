let s = 0;
for (let i = 0; i < 1000; i++) { s += i * i; }
console.log(s);
