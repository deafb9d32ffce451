local xs = {}
for i = 1, 4000000 do xs[i] = i * 3 % 11 end
print(#xs)
