s = 0
(0...3000000).each { |i| s += i * i % 7 }
puts s
