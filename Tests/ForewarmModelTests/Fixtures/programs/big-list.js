const xs = Array.from({ length: 4000000 }, (_, i) => i * 3 % 11);
console.log(xs.length, xs.reduce((a, b) => a + b, 0));
