local s = 0
for i = 0, 999 do s = s + i * i end
print(s)
