<?php
$xs = [];
for ($i = 0; $i < 4000000; $i++) { $xs[] = $i * 3 % 11; }
echo count($xs), " ", array_sum($xs), "\n";
