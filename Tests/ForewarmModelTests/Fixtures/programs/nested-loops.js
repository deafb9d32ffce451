const n = 6000; let c = 0;
for (let i = 0; i < n; i++) {
  for (let j = 0; j < n; j++) {
    if ((i ^ j) & 1) c++;
  }
}
console.log(c);
