xs = [i * 3 % 11 for i in range(4000000)]
print(len(xs), sum(xs))
