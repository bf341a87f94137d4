<?php
/**
 * auto_prepend_file of scripts/php-valgrind.sh (the PHPUnit suite under
 * valgrind): before PHP shuts down, releases the reference cycles PHPUnit
 * itself keeps alive, so that every block still allocated at exit is a
 * real leak.
 *
 * Why: a release build of PHP does not free an object that is still alive
 * when the request ends (zend_objects_store_free_object_storage frees its
 * contents "but not the object itself, so that it shows up as a leak"), and
 * objects in a reference cycle reachable from a static property are such
 * objects. PHPUnit 9's comparator factory (SebastianBergmann\Comparator\
 * Factory, a singleton in a static property) holds its comparators, and
 * each comparator holds the factory: 11 objects of 72 bytes "definitely
 * lost" after any PHPUnit run, with or without nhanluc loaded. Dropping the
 * singleton and collecting the cycles frees them. Nothing of ours is
 * touched: a leak of the extension or of the NhanLuc layer still shows.
 */

declare(strict_types=1);

register_shutdown_function(static function (): void {
    $factory = 'SebastianBergmann\\Comparator\\Factory';
    if (class_exists($factory, false) && property_exists($factory, 'instance')) {
        $instance = new ReflectionProperty($factory, 'instance');
        if ($instance->isStatic()) {
            $instance->setAccessible(true);
            $instance->setValue(null, null);
        }
    }
    gc_collect_cycles();
});
