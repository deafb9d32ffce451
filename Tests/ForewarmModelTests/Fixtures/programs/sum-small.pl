my $s = 0;
for my $i (0..999) { $s += $i * $i; }
print "$s\n";
