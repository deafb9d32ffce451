n = 1500
c = 0
n.times do |i|
  n.times do |j|
    c += 1 if (i ^ j) & 1 == 1
  end
end
puts c
