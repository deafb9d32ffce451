local n, c = 1500, 0
for i = 0, n - 1 do
  for j = 0, n - 1 do
    if (i ~ j) & 1 == 1 then c = c + 1 end
  end
end
print(c)
