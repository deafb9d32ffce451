s = 0
(0...1000).each { |i| s += i * i }
puts s
