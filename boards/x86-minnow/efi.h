/*
 * The few UEFI definitions the x86-minnow entry uses, written from the UEFI specification
 * (2.x: system table, boot services, loaded image, simple file system and file protocols,
 * memory map). Only the members we call are typed; the others are placeholders that keep the
 * offsets. Calls into the firmware use the Microsoft x64 calling convention (EFIAPI).
 */
#ifndef X86_MINNOW_EFI_H
#define X86_MINNOW_EFI_H
#include <stdint.h>

#define EFIAPI __attribute__((ms_abi))

typedef uint64_t efi_status;
typedef void *efi_handle;
typedef uint16_t char16;

#define EFI_ERR(n)             (0x8000000000000000ull | (n))
#define EFI_SUCCESS            0
#define EFI_INVALID_PARAMETER  EFI_ERR(2)
#define EFI_UNSUPPORTED        EFI_ERR(3)
#define EFI_BUFFER_TOO_SMALL   EFI_ERR(5)
#define EFI_NOT_FOUND          EFI_ERR(14)

struct efi_guid { uint32_t a; uint16_t b, c; uint8_t d[8]; };

struct efi_table_header { uint64_t signature; uint32_t revision, header_size, crc32, reserved; };

/* memory descriptor (the firmware's DescriptorSize may be larger: step by it) */
struct efi_memory_descriptor {
	uint32_t type;
	uint64_t physical_start, virtual_start, pages;  /* 4 KiB pages */
	uint64_t attribute;
};
enum {
	EFI_RESERVED, EFI_LOADER_CODE, EFI_LOADER_DATA, EFI_BOOT_SERVICES_CODE,
	EFI_BOOT_SERVICES_DATA, EFI_RUNTIME_SERVICES_CODE, EFI_RUNTIME_SERVICES_DATA,
	EFI_CONVENTIONAL_MEMORY, EFI_UNUSABLE_MEMORY, EFI_ACPI_RECLAIM_MEMORY,
	EFI_ACPI_MEMORY_NVS, EFI_MEMORY_MAPPED_IO, EFI_MEMORY_MAPPED_IO_PORT_SPACE, EFI_PAL_CODE,
	EFI_PERSISTENT_MEMORY,
};

typedef void *efi_unused_fn;

struct efi_boot_services {
	struct efi_table_header hdr;
	efi_unused_fn raise_tpl, restore_tpl, allocate_pages, free_pages;
	efi_status (EFIAPI *get_memory_map)(uint64_t *map_size, struct efi_memory_descriptor *map,
	    uint64_t *map_key, uint64_t *descriptor_size, uint32_t *descriptor_version);
	efi_unused_fn allocate_pool, free_pool;
	efi_unused_fn create_event, set_timer, wait_for_event, signal_event, close_event, check_event;
	efi_unused_fn install_protocol_interface, reinstall_protocol_interface, uninstall_protocol_interface;
	efi_status (EFIAPI *handle_protocol)(efi_handle handle, const struct efi_guid *protocol, void **interface);
	void *reserved;
	efi_unused_fn register_protocol_notify, locate_handle, locate_device_path, install_configuration_table;
	efi_unused_fn load_image, start_image, exit, unload_image;
	efi_status (EFIAPI *exit_boot_services)(efi_handle image, uint64_t map_key);
	/* ... GetNextMonotonicCount and later members are not used */
};

struct efi_system_table {
	struct efi_table_header hdr;
	char16 *firmware_vendor;
	uint32_t firmware_revision;
	efi_handle console_in_handle;
	void *con_in;
	efi_handle console_out_handle;
	void *con_out;
	efi_handle standard_error_handle;
	void *std_err;
	void *runtime_services;
	struct efi_boot_services *boot_services;
	uint64_t number_of_table_entries;
	void *configuration_table;
};

/* EFI_LOADED_IMAGE_PROTOCOL */
#define EFI_LOADED_IMAGE_PROTOCOL_GUID \
	{ 0x5b1b31a1, 0x9562, 0x11d2, { 0x8e, 0x3f, 0x00, 0xa0, 0xc9, 0x69, 0x72, 0x3b } }
struct efi_loaded_image {
	uint32_t revision;
	efi_handle parent_handle;
	struct efi_system_table *system_table;
	efi_handle device_handle;       /* the volume the image was loaded from */
	void *file_path, *reserved;
	uint32_t load_options_size;
	void *load_options;
	void *image_base;
	uint64_t image_size;
	uint32_t image_code_type, image_data_type;
	efi_unused_fn unload;
};

/* EFI_SIMPLE_FILE_SYSTEM_PROTOCOL and EFI_FILE_PROTOCOL */
#define EFI_SIMPLE_FILE_SYSTEM_PROTOCOL_GUID \
	{ 0x964e5b22, 0x6459, 0x11d2, { 0x8e, 0x39, 0x00, 0xa0, 0xc9, 0x69, 0x72, 0x3b } }
struct efi_file;
struct efi_simple_file_system {
	uint64_t revision;
	efi_status (EFIAPI *open_volume)(struct efi_simple_file_system *self, struct efi_file **root);
};
#define EFI_FILE_MODE_READ 1ull
struct efi_file {
	uint64_t revision;
	efi_status (EFIAPI *open)(struct efi_file *self, struct efi_file **file, const char16 *name,
	    uint64_t mode, uint64_t attributes);
	efi_status (EFIAPI *close)(struct efi_file *self);
	efi_unused_fn delete_;
	efi_status (EFIAPI *read)(struct efi_file *self, uint64_t *size, void *buffer);
	/* ... Write and later members are not used */
};
#endif
