n = 1500
c = 0
for i in range(n):
    for j in range(n):
        if (i ^ j) & 1:
            c += 1
print(c)
